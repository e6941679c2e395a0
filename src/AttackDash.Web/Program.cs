using AttackDash.Web;
using Microsoft.Extensions.Options;

try
{
    await WebAppFactory.Build(args).RunAsync();
    return 0;
}
catch (Exception e) when (e is OptionsValidationException || e is AggregateException { InnerExceptions: var all } && all.All(i => i is OptionsValidationException))
{
    // The CLI's exit code for a setting that breaks its rule: the units' RestartPreventExitStatus=2
    // stops systemd from restarting, every 5 s for ever, a host that only an admin can mend.
    await Console.Error.WriteLineAsync($"attackdash-web: {e.Message}");
    return 2;
}
