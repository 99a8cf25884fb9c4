package nl.dockerles.room;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The QR code in the terminal reads back as the page's address (decoded by ZXing, as a phone would). */
class QrTextTest {
    private static final String ADDRESS = "http://192.168.178.23:8700/2tuup9g6g4vhykfknz2e/";

    @Test
    void withColourItIsBlackOnWhiteAndReadsBack() throws Exception {
        String text = QrText.render(ADDRESS, true);
        assertThat(text).contains("\u001B[30;107m").contains("\u001B[0m");
        assertThat(decode(text.replaceAll("\u001B\\[[0-9;]*m", ""), true)).isEqualTo(ADDRESS);
    }

    @Test
    void withoutColourTheBlocksAreTheDarkModules() throws Exception {
        String text = QrText.render(ADDRESS, false);
        assertThat(text).doesNotContain("\u001B");
        assertThat(decode(text, true)).isEqualTo(ADDRESS);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).as("a quiet zone around it").isBlank();
        assertThat(lines.get(0).length()).as("small enough for a terminal").isLessThan(50);
    }

    /** Two modules per character (upper and lower half), four pixels per module. */
    private static String decode(String text, boolean blocksAreDark) throws Exception {
        List<String> lines = text.lines().toList();
        int width = lines.get(0).length();
        int scale = 4;
        int height = lines.size() * 2;
        int[] pixels = new int[width * scale * height * scale];
        for (int row = 0; row < lines.size(); row++) {
            String line = lines.get(row);
            for (int x = 0; x < width; x++) {
                char c = x < line.length() ? line.charAt(x) : ' ';
                boolean top = c == '█' || c == '▀';
                boolean bottom = c == '█' || c == '▄';
                paint(pixels, width * scale, x, row * 2, top == blocksAreDark, scale);
                paint(pixels, width * scale, x, row * 2 + 1, bottom == blocksAreDark, scale);
            }
        }
        LuminanceSource source = new RGBLuminanceSource(width * scale, height * scale, pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE, DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    private static void paint(int[] pixels, int stride, int x, int y, boolean dark, int scale) {
        for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
                pixels[(y * scale + dy) * stride + x * scale + dx] = dark ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
    }
}
