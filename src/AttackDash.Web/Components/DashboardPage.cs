using AttackDash.Web.Components.Shared;
using AttackDash.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace AttackDash.Web.Components;

/// <summary>
/// The base of every data page: times in the viewer's zone, a live refresh whenever the store
/// changes (ingest or block decisions), with no reload, and a sign-out when the session ends.
/// </summary>
public abstract class DashboardPage : ComponentBase, IDisposable
{
    [Inject] protected ViewerClock Clock { get; set; } = null!;
    [Inject] private StoreChanges Changes { get; set; } = null!;
    [Inject] private AuthenticationStateProvider Auth { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    private int _loads;

    /// <summary>
    /// Numbers a load of the page's data. A slow first load, a live refresh and a filter change can
    /// overlap; after its awaits a load keeps its results only if <see cref="IsLatest"/>, so older
    /// results never overwrite newer ones.
    /// </summary>
    protected int BeginLoad() => Interlocked.Increment(ref _loads);

    protected bool IsLatest(int load) => load == Volatile.Read(ref _loads);

    /// <summary>Reloads the page's data: on first load, and on every store change.</summary>
    protected abstract Task RefreshAsync();

    /// <summary>False until the first load has finished: <see cref="Shared.PageData"/> shows "Loading…" until then.</summary>
    protected bool Loaded { get; private set; }

    protected override Task OnInitializedAsync() => LoadPageAsync();

    /// <summary>The first load (or a page's own reload, e.g. a new address): refreshes, then counts as loaded.</summary>
    protected async Task LoadPageAsync()
    {
        await RefreshAsync();
        Loaded = true;
    }

    /// <summary>The signed-in user, and whether it may change blocks. Checked again by every handler that changes them.</summary>
    protected Task<Actor> ActorAsync() => Actor.OfAsync(Auth);

    protected string Local(DateTimeOffset time, string format = "yyyy-MM-dd HH:mm") => Clock.Format(time, format);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
            return;
        Changes.Changed += OnStoreChanged;
        Auth.AuthenticationStateChanged += OnAuthenticationChanged;
        if (await Clock.ResolveAsync())
            StateHasChanged();
    }

    /// <summary>A failed live refresh is handed to the renderer (the error banner, the log), never dropped.</summary>
    private void OnStoreChanged() => _ = InvokeAsync(async () =>
    {
        try
        {
            await RefreshAsync();
            StateHasChanged();
        }
        catch (Exception e)
        {
            await DispatchExceptionAsync(e);
        }
    });

    /// <summary>The circuit's session was revoked (logout elsewhere, a password or role change): back to the sign-in page.</summary>
    private void OnAuthenticationChanged(Task<AuthenticationState> state) => _ = InvokeAsync(async () =>
    {
        if ((await state).User.Identity?.IsAuthenticated != true)
            Navigation.NavigateTo("login", forceLoad: true);
    });

    public void Dispose()
    {
        Changes.Changed -= OnStoreChanged;
        Auth.AuthenticationStateChanged -= OnAuthenticationChanged;
        GC.SuppressFinalize(this);
    }
}
