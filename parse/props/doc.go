// Package props scans a Java .properties file exactly as
// java.util.Properties.load reads it: logical lines continued with a trailing
// backslash, comment lines, the key terminators '=', ':' and white space, and
// the escapes \t \n \r \f \uXXXX (any other escaped character stands for
// itself), in keys and values. Each entry keeps the line and column of its key
// and value in the file; comment lines are returned too, with their position.
//
// It knows nothing about WSO2 products. It must not import internal/model,
// catalog or any other package of wso2lint; package parse adapts its entries
// into the model.
package props
