using Microsoft.Playwright;

namespace AttackDash.Web.FunctionalTests;

/// <summary>
/// Everything a page did wrong that a user never sees but a newcomer's console shows: console errors,
/// uncaught script errors, failed requests and HTTP error responses. A dashboard that works only because
/// nobody opened the console is not done.
/// </summary>
internal sealed class BrowserProblems
{
    private readonly List<string> _seen = [];

    private BrowserProblems() { }

    public static BrowserProblems Watch(IPage page)
    {
        var problems = new BrowserProblems();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add($"console error on {page.Url}: {m.Text}"); };
        page.PageError += (_, e) => problems.Add($"script error on {page.Url}: {e}");
        page.RequestFailed += (_, r) => problems.Add($"failed request {r.Method} {r.Url}: {r.Failure}");
        page.Response += (_, r) => { if (r.Status >= 400) problems.Add($"HTTP {r.Status} for {r.Request.Method} {r.Url}"); };
        return problems;
    }

    /// <summary>What was seen so far, one line each; empty when the pages behaved.</summary>
    public IReadOnlyList<string> Seen { get { lock (_seen) return [.. _seen]; } }

    private void Add(string problem) { lock (_seen) _seen.Add(problem); }
}
