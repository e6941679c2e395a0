using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace AttackDash.Tests.Shared;

/// <summary>A real HTTP endpoint on 127.0.0.1 that records each POSTed body, as a webhook receiver would.</summary>
internal sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<string> _bodies = Channel.CreateUnbounded<string>();

    public WebhookListener(int status = 200)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using (var reader = new StreamReader(context.Request.InputStream))
                    _bodies.Writer.TryWrite(await reader.ReadToEndAsync());
                context.Response.StatusCode = status;
                context.Response.Close();
            }
        });
    }

    public string Url { get; }

    /// <summary>The next body received, or null when none arrives within <paramref name="wait"/>.</summary>
    public async Task<string?> NextAsync(TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            return await _bodies.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public void Dispose() => _listener.Close();
}
