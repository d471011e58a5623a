using System.Net;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using EdgeIngest.Configuration;
using EdgeIngest.Pipeline;
using EdgeIngest.WebConsole.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeIngest.WebConsole.Hosting;

/// <summary>
/// The web console inside the service's process: Kestrel on the configured address (HTTPS with the
/// owner's certificate, or one it generated and keeps, see <see cref="ConsoleHttps"/>), cookie sessions, antiforgery on every form, and no page
/// or download without a session except the first-run page (and that only with the setup token,
/// until a password is set).
/// </summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    internal const string SessionCookie = "edgeingest_console";
    internal const string StampClaim = "password_stamp";
    private readonly WebApplication _app;
    private readonly RecentLog? _ownRecentLog;

    private ConsoleHost(WebApplication app, Uri address, string? setupLink, string? certificateFingerprint, RecentLog? ownRecentLog)
    {
        _app = app;
        Address = address;
        SetupLink = setupLink;
        CertificateFingerprint = certificateFingerprint;
        _ownRecentLog = ownRecentLog;
    }

    /// <summary>Where the console answers, e.g. <c>http://127.0.0.1:8080/</c> (the real port when 0 was configured).</summary>
    public Uri Address { get; }

    /// <summary>The one-time first-run link (with its token), or null when a password is already set.</summary>
    public string? SetupLink { get; }

    /// <summary>The HTTPS certificate's SHA-256 fingerprint (<c>AB:CD:…</c>), or null for plain HTTP.</summary>
    public string? CertificateFingerprint { get; }

    /// <summary>Starts listening; throws (<see cref="IOException"/> and the like) when the address cannot be bound.</summary>
    public static Task<ConsoleHost> StartAsync(Appliance appliance, EdgeIngestConfig config, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        StartAsync(appliance, config, ConsoleSite.DefaultFolder(config), loggers, recentLog: null, cancellationToken);

    /// <param name="recentLog">The service's recent log lines for the Device page, attached to <paramref name="loggers"/> before the appliance started.</param>
    public static Task<ConsoleHost> StartAsync(Appliance appliance, EdgeIngestConfig config, ILoggerFactory loggers, RecentLog recentLog, CancellationToken cancellationToken) =>
        StartAsync(appliance, config, ConsoleSite.DefaultFolder(config), loggers, recentLog, cancellationToken);

    /// <param name="consoleFolder">Where the password and session keys live (tests give each console its own).</param>
    internal static Task<ConsoleHost> StartAsync(Appliance appliance, EdgeIngestConfig config, string consoleFolder, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        StartAsync(appliance, config, consoleFolder, loggers, recentLog: null, cancellationToken);

    /// <param name="recentLog">Null: the console attaches its own ring, which sees the lines from now on, and detaches it when it stops.</param>
    internal static async Task<ConsoleHost> StartAsync(Appliance appliance, EdgeIngestConfig config, string consoleFolder, ILoggerFactory loggers, RecentLog? recentLog, CancellationToken cancellationToken)
    {
        var site = new ConsoleSite(appliance, config, consoleFolder);
        var passwords = new PasswordStore(site.Folder);
        var setupToken = SetupToken.CreateRandom();
        var logger = loggers.CreateLogger("EdgeIngest.Console");
        var ownsRecentLog = recentLog is null;
        recentLog ??= RecentLog.AttachTo(loggers);
        var https = ConsoleHttps.For(config.Console, site.Folder, DateTimeOffset.UtcNow);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ConsoleHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.AddProvider(new ForwardingLoggerProvider(loggers));
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = ConsoleLimits.MaxRequestBodyBytes;
            kestrel.Listen(IPEndPoint.Parse(config.Console.Listen), listen =>
            {
                if (https.Certificate is { } certificate)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        builder.Services.AddRoutingCore();
        builder.Services.Configure<FormOptions>(form =>
        {
            form.ValueLengthLimit = ConsoleLimits.MaxFormValueLength;
            form.MultipartBodyLengthLimit = ConsoleLimits.MaxUploadBytes;
        });
        builder.Services.AddSingleton(site);
        builder.Services.AddSingleton(https);
        builder.Services.AddSingleton(recentLog);
        builder.Services.AddSingleton(passwords);
        builder.Services.AddSingleton(setupToken);
        builder.Services.AddSingleton(new LoginThrottle(TimeProvider.System));
        builder.Services.AddSingleton(new ConsoleAudit(appliance.Records.Audit));
        builder.Services.AddSingleton(appliance.Recording); // IFootageRecording: the footage requests' previews
        builder.Services.AddSingleton(appliance.FootageRequests); // the Requests page: List, Get, Approve, Decline, StillAsync
        builder.Services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(site.Folder, "keys")))
            .SetApplicationName("edgeingest-console");
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = SessionCookie;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/login";
            cookie.LogoutPath = "/logout";
            cookie.AccessDeniedPath = "/login";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = RedirectPagesAnswerApi401;
            cookie.Events.OnValidatePrincipal = RejectSessionsOfAnOldPassword;
        });
        builder.Services.AddAuthorization(authorization =>
            authorization.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "edgeingest_csrf";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AllowAnonymousToPage("/Login");
            pages.Conventions.AllowAnonymousToPage("/Setup");
        }).AddApplicationPart(typeof(ConsoleHost).Assembly);

        var app = builder.Build();
        app.Use(SecurityHeaders.AddAsync);
        app.Use(ConsoleLimits.RefuseOversizedAsync);
        app.UseStatusCodePages(StatusCodeText.WriteAsync);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        ReportDownloads.Map(app);
        EvidenceDownloads.Map(app);
        ConsoleScripts.Map(app);
        CameraFrames.Map(app);
        FootageStills.Map(app);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the web console started without an address");
        var address = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        ConsoleLog.Listening(logger, address.ToString());
        if (https.Fingerprint is { } fingerprint)
        {
            ConsoleLog.Certificate(logger, https.Source, fingerprint, https.ExpiresAt!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        string? setupLink = null;
        if (!passwords.IsSet)
        {
            setupLink = new Uri(address, $"setup?token={setupToken.Value}").ToString();
            ConsoleLog.SetupLink(logger, setupLink);
        }

        return new ConsoleHost(app, address, setupLink, https.Fingerprint, ownsRecentLog ? recentLog : null);
    }

    /// <summary>The password's stamp as a session claim: a session made under another password is no longer one.</summary>
    internal static Claim StampOf(PasswordStore passwords) => new(StampClaim, passwords.Stamp);

    /// <summary>Pages send the browser to the login; downloads, snapshots, request stills and scripts (not pages a person reads) answer 401.</summary>
    private static Task RedirectPagesAnswerApi401(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            || context.Request.Path.StartsWithSegments(EvidenceDownloads.Prefix, StringComparison.Ordinal)
            || context.Request.Path.StartsWithSegments("/scripts", StringComparison.Ordinal)
            || CameraFrames.IsFrameRequest(context.Request.Path)
            || FootageStills.IsStillRequest(context.Request.Path))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task RejectSessionsOfAnOldPassword(CookieValidatePrincipalContext context)
    {
        var passwords = context.HttpContext.RequestServices.GetRequiredService<PasswordStore>();
        if (context.Principal?.FindFirst(StampClaim)?.Value != passwords.Stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _ownRecentLog?.Detach();
    }
}
