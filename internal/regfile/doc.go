// Package regfile opens files that must be regular files, and only those,
// without ever blocking: a named pipe (FIFO), socket or device where a
// configuration file, baseline or rules file belongs is refused before it is
// opened, and again on the opened descriptor, so a FIFO swapped in between the
// check and the open cannot make the open or a read wait for a writer.
//
// Every file wso2lint reads goes through it: the files of a product home
// (parse), the project config and baselines (config) and the committed rules
// of rules --check (cmd). Errors are *fs.PathError values with Op "open",
// naming the file.
//
// Package regfile imports only the standard library.
package regfile
