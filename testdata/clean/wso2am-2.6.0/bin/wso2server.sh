#!/bin/sh
# Example start script (trimmed): the stock --debug branch enables JDWP only when asked.
CMD=""
for c in "$@"; do
    if [ "$CMD" = "--debug" ]; then
        PORT="$c"
        CMD=""
    elif [ "$c" = "--debug" ] || [ "$c" = "-debug" ] || [ "$c" = "debug" ]; then
        CMD="--debug"
    fi
done
if [ "$PORT" != "" ]; then
    JAVA_OPTS="-Xdebug -Xnoagent -Djava.compiler=NONE -Xrunjdwp:transport=dt_socket,server=y,suspend=n,address=$PORT"
    echo "Please start the remote debugging client to continue..."
fi
CARBON_HOME=$(cd "$(dirname "$0")/.." && pwd)
exec "$JAVA_HOME/bin/java" \
    -Xms256m -Xmx1024m \
    $JAVA_OPTS \
    -Dcarbon.home="$CARBON_HOME" \
    -Djava.io.tmpdir="$CARBON_HOME/tmp" \
    org.wso2.carbon.bootstrap.Bootstrap "$@"
