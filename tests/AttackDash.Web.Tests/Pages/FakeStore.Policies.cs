using AttackDash.Storage.Blocking;

namespace AttackDash.Web.Tests.Pages;

/// <summary>Saved policies in memory; saving records the change.</summary>
public sealed partial class FakeStore : IPolicyService
{
    public List<StoredPolicy> SavedPolicies { get; } = [];

    public Task<List<StoredPolicy>> ListAsync(CancellationToken ct = default) => Answer(SavedPolicies.ToList());

    public async Task SaveAsync(StoredPolicy policy, string actor, CancellationToken ct = default)
    {
        await Change($"save policy {policy.Name} {policy.Mode} by {actor}");
        SavedPolicies.RemoveAll(p => p.Name == policy.Name);
        SavedPolicies.Add(policy);
    }
}
