package nl.dockerles.room;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code of the page's address for the terminal, two modules per character (half blocks). With colour it
 * is black on white whatever the terminal's theme; without colour the dark modules are the blocks.
 */
public final class QrText {
    private static final int QUIET = 2;

    private QrText() {
    }

    public static String render(String text, boolean color) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.LOW);
        int size = qr.size + 2 * QUIET;
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < size; y += 2) {
            if (color) {
                out.append("\u001B[30;107m");
            }
            for (int x = 0; x < size; x++) {
                boolean top = dark(qr, x - QUIET, y - QUIET);
                boolean bottom = y + 1 < size && dark(qr, x - QUIET, y + 1 - QUIET);
                out.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
            }
            if (color) {
                out.append("\u001B[0m");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static boolean dark(QrCode qr, int x, int y) {
        return x >= 0 && y >= 0 && x < qr.size && y < qr.size && qr.getModule(x, y);
    }
}
