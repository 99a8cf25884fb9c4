@echo off
rem dockerles from its bundle: its own Java runtime and start-up archive, no Java needed.
setlocal
set "home=%~dp0.."
"%home%\runtime\bin\java.exe" -XX:SharedArchiveFile="%home%\lib\dockerles.jsa" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m -Xmx128m -XX:ReservedCodeCacheSize=32m -jar "%home%\lib\dockerles.jar" %*
exit /b %ERRORLEVEL%
