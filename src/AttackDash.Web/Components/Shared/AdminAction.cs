using AttackDash.Storage.Blocking;

namespace AttackDash.Web.Components.Shared;

/// <summary>How every page changes blocks, reviews, tokens and accounts: checked for admin at the moment of the action, refusals shown, never thrown at the circuit.</summary>
public static class AdminAction
{
    public const string NotAllowed = "Only admins change blocks, reviews, tokens and accounts, and acknowledge alerts.";

    /// <summary>Runs <paramref name="change"/> for an admin and returns the message to show: its own, a refusal, or <see cref="NotAllowed"/>.</summary>
    public static async Task<string> RunAsync(Actor actor, Func<Task<string>> change)
    {
        if (!actor.IsAdmin)
            return NotAllowed;
        try
        {
            return await change();
        }
        catch (BlockRefusedException e)
        {
            return e.Message;
        }
        catch (AttackDash.Storage.Accounts.AccountException e)
        {
            return e.Message;
        }
    }

    /// <summary>The same for a change with nothing to say: <paramref name="done"/> is shown when it succeeds.</summary>
    public static Task<string> RunAsync(Actor actor, Func<Task> change, string done) => RunAsync(actor, async () =>
    {
        await change();
        return done;
    });
}
