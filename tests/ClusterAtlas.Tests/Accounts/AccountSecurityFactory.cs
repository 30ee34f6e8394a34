using System.Net;
using ClusterAtlas.Accounts;
using ClusterAtlas.Mail;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ClusterAtlas.Tests.Accounts;

/// <summary>
/// The application with what account-security tests need to see: how often passwords are hashed, mail delivery that
/// can be held back, and the client's address taken from a test header (the test server has none), with one trusted
/// proxy (<see cref="Proxy"/>) and the public host <see cref="PublicHost"/>.
/// </summary>
public sealed class AccountSecurityFactory : ClusterAtlasFactory
{
    public const string PeerHeader = "X-Test-Peer";
    public const string Proxy = "10.9.9.9";
    public const string PublicHost = "clusters.example.org";

    public CountingPasswordHasher Hasher { get; } = new();

    public HoldingMailSender HeldMail { get; private set; } = null!;

    protected override bool LoadDemoContent => false;

    protected override string AllowedHosts => "localhost;" + PublicHost;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ClusterAtlas:TrustedProxies", Proxy);
        builder.ConfigureTestServices(services =>
        {
            services.AddScoped<IPasswordHasher<ApplicationUser>>(sp =>
                Hasher.Around(new PasswordHasher<ApplicationUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>())));
            services.AddSingleton<IMailSender>(sp => HeldMail = new HoldingMailSender(sp.GetRequiredService<PickupDirectoryMailSender>()));
            services.AddSingleton<IStartupFilter, TestPeerAddress>();
        });
    }

    /// <summary>A browser whose requests come from <paramref name="address"/>.</summary>
    public HttpClient CreateBrowserFrom(string address)
    {
        var browser = CreateBrowser();
        browser.DefaultRequestHeaders.Add(PeerHeader, address);
        return browser;
    }

    /// <summary>Sets the connection's remote address from <see cref="PeerHeader"/>, before the application's own middleware.</summary>
    private sealed class TestPeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers[PeerHeader] is [{ } peer])
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                }
                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>Counts the hashing and checking of passwords, and does both with the real hasher.</summary>
public sealed class CountingPasswordHasher
{
    private int _hashed;
    private int _verified;

    public int Hashed => Volatile.Read(ref _hashed);

    public int Verified => Volatile.Read(ref _verified);

    public IPasswordHasher<ApplicationUser> Around(IPasswordHasher<ApplicationUser> real) => new Counting(this, real);

    private sealed class Counting(CountingPasswordHasher counts, IPasswordHasher<ApplicationUser> real) : IPasswordHasher<ApplicationUser>
    {
        public string HashPassword(ApplicationUser user, string password)
        {
            Interlocked.Increment(ref counts._hashed);
            return real.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref counts._verified);
            return real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>Delivers through the pickup folder, or holds every message back while <see cref="Hold"/> is in force.</summary>
public sealed class HoldingMailSender(IMailSender real) : IMailSender
{
    private TaskCompletionSource _released = Released();

    public TaskCompletionSource Hold() => _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        await _released.Task;
        await real.SendAsync(message, cancellationToken);
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }
}
