package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"
)

// bashCompletion asks the binary itself for completions (urfave/cli's
// --generate-bash-completion protocol).
const bashCompletion = `# wso2lint bash completion: source <(wso2lint completion bash)
_wso2lint_complete() {
  local cur opts
  COMPREPLY=()
  cur="${COMP_WORDS[COMP_CWORD]}"
  if [[ "$cur" == -* ]]; then
    opts=$("${COMP_WORDS[@]:0:$COMP_CWORD}" "${cur}" --generate-bash-completion 2>/dev/null)
  else
    opts=$("${COMP_WORDS[@]:0:$COMP_CWORD}" --generate-bash-completion 2>/dev/null)
  fi
  COMPREPLY=($(compgen -W "${opts}" -- "${cur}"))
  if [[ ${#COMPREPLY[@]} -eq 0 ]]; then
    COMPREPLY=($(compgen -f -- "${cur}"))
  fi
  return 0
}
complete -o filenames -F _wso2lint_complete wso2lint
`

const zshCompletion = `#compdef wso2lint
# wso2lint zsh completion: source <(wso2lint completion zsh)
_wso2lint() {
  local -a opts args
  # The words before the cursor, and the current word only when it is an
  # option name (as the bash script does), then the completion request.
  args=("${(@)words[1,CURRENT-1]}")
  if [[ "${words[CURRENT]}" == -* ]]; then
    args+=("${words[CURRENT]}")
  fi
  opts=("${(@f)$("${args[@]}" --generate-bash-completion 2>/dev/null)}")
  if [[ -n "${opts[1]}" ]]; then
    _describe 'values' opts
  else
    _files
  fi
}
compdef _wso2lint wso2lint
`

// fishCompletion asks the binary too, and completes file names when it has
// nothing to offer, as the bash and zsh scripts do: urfave/cli's own fish
// script completes no option value (--format, --target, rule IDs) and no
// file name after an option that takes one (--config, -o).
const fishCompletion = `# wso2lint fish completion: wso2lint completion fish | source
function __wso2lint_complete
    # The words before the cursor, and the current word only when it is an
    # option name (as the bash script does), then the completion request.
    set -l args (commandline -opc)
    set -l cur (commandline -ct)
    if string match -q -- '-*' $cur
        set -a args $cur
    end
    set -l opts ($args --generate-bash-completion 2>/dev/null)
    if set -q opts[1]
        printf '%s\n' $opts
    else
        __fish_complete_path $cur
    end
end
complete -c wso2lint -f -a '(__wso2lint_complete)'
`

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:         "completion",
		Usage:        "print a shell completion script (bash, zsh or fish)",
		ArgsUsage:    "SHELL",
		Description:  "Example: source <(wso2lint completion bash)",
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			switch c.Args().First() {
			case "bash":
				_, err := fmt.Fprint(c.App.Writer, bashCompletion)
				return err
			case "zsh":
				_, err := fmt.Fprint(c.App.Writer, zshCompletion)
				return err
			case "fish":
				_, err := io.WriteString(c.App.Writer, fishCompletion)
				return err
			}
			return usageErr("completion: want bash, zsh or fish")
		},
	}
}
