using AttackDash.Core.Net;
using AttackDash.Storage.Blocking;
using AttackDash.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace AttackDash.Web.Components.Pages.Offenders;

/// <summary>The offenders table's blocking actions: select and propose (admins), block and unblock one IP.</summary>
public sealed partial class Offenders
{
    private static Cidr HostOf(System.Net.IPAddress ip) => Cidr.Host(IpAddress128.From(ip));

    private void Select(string ip, ChangeEventArgs e)
    {
        if (e.Value is true)
            _selected.Add(ip);
        else
            _selected.Remove(ip);
    }

    private void SelectPage(ChangeEventArgs e)
    {
        foreach (var r in _rows)
            Select(r.Ip.ToString(), e);
    }

    /// <summary>Anyone may propose; an admin approves on the Blocks page.</summary>
    private async Task ProposeSelectedAsync()
    {
        var actor = await ActorAsync();
        var service = BlockingService;
        var refused = new List<string>();
        foreach (var ip in _selected.Order(StringComparer.Ordinal))
        {
            try
            {
                await service.ProposeAsync(HostOf(System.Net.IPAddress.Parse(ip)), "proposed from the offenders table", actor.Name);
            }
            catch (BlockRefusedException e)
            {
                refused.Add(e.Message);
            }
        }
        _message = $"Proposed {_selected.Count - refused.Count} for blocking" + (refused.Count > 0 ? $"; refused: {string.Join("; ", refused)}" : ".");
        _selected.Clear();
    }

    private Task BlockAsync(System.Net.IPAddress ip) =>
        AdminAsync((s, actor) => s.BlockAsync(HostOf(ip), "blocked from the offenders table", actor.Name), $"Blocked {ip}.");

    private Task UnblockAsync(System.Net.IPAddress ip) =>
        AdminAsync((s, actor) => s.UnblockAsync(HostOf(ip), actor.Name, "unblocked from the offenders table"), $"Unblocked {ip}.");

    private async Task AdminAsync(Func<IBlockingService, Actor, Task> action, string done)
    {
        var actor = await ActorAsync();
        var service = BlockingService;
        _message = await AdminAction.RunAsync(actor, () => action(service, actor), done);
        await LoadAsync(_page);
    }
}
