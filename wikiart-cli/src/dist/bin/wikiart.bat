@echo off
rem The wikiart command line from the distribution archive. Needs a Java 17+ runtime: JAVA_HOME,
rem or java on the PATH. Extra JVM options: WIKIART_JAVA_OPTS (for example -Xmx4g).
setlocal
set "WIKIART_HOME=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
"%JAVA_EXE%" -version >nul 2>&1
if errorlevel 1 (
  echo wikiart: no Java found. Install a Java 17+ runtime, or set JAVA_HOME. 1>&2
  exit /b 1
)
"%JAVA_EXE%" %WIKIART_JAVA_OPTS% -cp "%WIKIART_HOME%\lib\*" io.github.wikiart.cli.Main %*
exit /b %ERRORLEVEL%
