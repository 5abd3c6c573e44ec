// Command hello is a Go hello-world: the start-up floor of any Go program
// (issue 15 item 4 compares `wso2lint --version` with it).
package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
