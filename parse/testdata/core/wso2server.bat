@echo off
REM set JAVA_OPTS=-DportOffset=9
:: -Xrunjdwp:transport=dt_socket,server=y,address=1234
if ""%1""==""--debug"" goto commandDebug
goto runServer
:commandDebug
shift
set DEBUG_PORT=%1
set JAVA_OPTS=-Xdebug -Xnoagent -Xrunjdwp:transport=dt_socket,server=y,suspend=y,address=%DEBUG_PORT%
goto runServer
:runServer
if "%PROFILE%"=="x" (
  set JAVA_OPTS=%JAVA_OPTS% -DportOffset=8
)
set CMD_LINE_ARGS=-Xbootclasspath/a:%CARBON_XBOOTCLASSPATH% -Dcom.sun.management.jmxremote -DportOffset=6 %JAVA_OPTS%
"%JAVA_HOME%\bin\java" %CMD_LINE_ARGS% org.wso2.carbon.bootstrap.Bootstrap %CMD%
