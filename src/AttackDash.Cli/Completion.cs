using System.Text;
using System.Text.RegularExpressions;

namespace AttackDash.Cli;

/// <summary>
/// <c>attackdash completion bash</c>: a bash completion function made from the same help texts as the
/// man page, so that every command and option it completes is one the help describes. install.sh puts
/// it in /usr/share/bash-completion/completions.
/// </summary>
internal static partial class Completion
{
    public static void WriteBash(TextWriter output)
    {
        var script = new StringBuilder();
        script.AppendLine("# bash completion for attackdash, written by 'attackdash completion bash'");
        script.AppendLine("_attackdash() {");
        script.AppendLine("  local cur=${COMP_WORDS[COMP_CWORD]} opts");
        script.AppendLine("  if [ \"$COMP_CWORD\" -eq 1 ]; then");
        script.AppendLine($"    COMPREPLY=($(compgen -W \"{string.Join(' ', CliApp.Commands.Select(c => c.Name))} help --help --version\" -- \"$cur\"))");
        script.AppendLine("    return");
        script.AppendLine("  fi");
        script.AppendLine("  case ${COMP_WORDS[1]} in");
        foreach (var (name, usage) in CliApp.Commands)
            script.AppendLine($"    {name}) opts=\"{string.Join(' ', Options(usage))}\" ;;");
        script.AppendLine("    *) opts=\"\" ;;");
        script.AppendLine("  esac");
        script.AppendLine("  if [[ $cur == -* ]]; then");
        script.AppendLine("    COMPREPLY=($(compgen -W \"$opts --help --verbose\" -- \"$cur\"))");
        script.AppendLine("  else");
        script.AppendLine("    COMPREPLY=($(compgen -f -- \"$cur\"))");
        script.AppendLine("  fi");
        script.AppendLine("}");
        script.AppendLine("complete -o filenames -F _attackdash attackdash");
        output.Write(script.ToString());
    }

    /// <summary>Every long option a help text names, in order, once.</summary>
    internal static IEnumerable<string> Options(string usage) =>
        OptionPattern().Matches(usage).Select(m => m.Value).Where(o => o is not "--help").Distinct();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z0-9-]*")]
    private static partial Regex OptionPattern();
}
