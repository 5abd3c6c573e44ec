// Package floor holds the programs scripts/bench.sh measures beside wso2lint
// to show the least any program built the way wso2lint must be built can
// take on the machine (issue 15): floor/hello is a Go hello-world,
// floor/cli a urfave/cli v2 application that does nothing but answer
// --version, and floor/parse that application reading and parsing XML files
// into etree trees with wso2lint's own scanner (parse/xmlpos) after the
// same huge-page advice. None of them is part of wso2lint.
package floor
