using AttackDash.Storage.Blocking;
using AttackDash.Web.Components.Shared;

namespace AttackDash.Web.Tests;

public sealed class AdminActionTests
{
    [Fact]
    public async Task A_viewer_is_told_no_and_the_change_never_runs()
    {
        var ran = false;

        var message = await AdminAction.RunAsync(new Actor("bob", IsAdmin: false), () => { ran = true; return Task.CompletedTask; }, "done");

        Assert.Equal(AdminAction.NotAllowed, message);
        Assert.False(ran);
    }

    [Fact]
    public async Task An_admin_sees_the_result_or_the_reason_of_a_refusal()
    {
        var admin = new Actor("alice", IsAdmin: true);

        Assert.Equal("done", await AdminAction.RunAsync(admin, () => Task.CompletedTask, "done"));
        Assert.Equal("10.0.0.0/8 overlaps the allowlist", await AdminAction.RunAsync(admin,
            () => throw new BlockRefusedException("10.0.0.0/8 overlaps the allowlist"), "done"));
    }
}
