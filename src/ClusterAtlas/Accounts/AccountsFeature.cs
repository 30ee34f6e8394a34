using ClusterAtlas.Caching;
using System.Globalization;
using System.Threading.RateLimiting;
using ClusterAtlas.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Accounts;

/// <summary>Accounts: ASP.NET Core Identity on the platform's database, its pages under /account/, roles, mail, rate limits.</summary>
public static class AccountsFeature
{
    /// <summary>The rate-limiting policy of the anonymous account forms (sign-in, registration, password reset).</summary>
    public const string FormRateLimit = "account-forms";

    /// <summary>
    /// Identity's own lockout counts wrong two-factor and recovery codes, which only someone with the password can send.
    /// Wrong passwords are counted per typed address and client address instead (<see cref="AccountThrottles"/>).
    /// </summary>
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    /// <summary>How long links with a token (confirmation, password reset, one-time set-password link) stay valid.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(1);

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccountOptions>(configuration.GetSection(AccountOptions.Section));
        // The issuer is part of the otpauth: label, where a colon separates it from the account.
        services.AddOptions<AccountOptions>()
            .Validate(o => !string.IsNullOrWhiteSpace(o.AuthenticatorIssuer) && !o.AuthenticatorIssuer.Contains(':', StringComparison.Ordinal),
                $"{AccountOptions.Section}:AuthenticatorIssuer must be a name without a colon, e.g. ClusterAtlas.")
            .ValidateOnStart();
        // Keys in the database: every app instance and the command line (which makes one-time links) share them.
        // Accounts, their sign-in counts and the data-protection keys: no public answer shows them.
        services.AddCacheTags<ApplicationUser>().AddCacheTags<AccountThrottle>()
            .AddCacheTags<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();
        services.AddDataProtection().SetApplicationName("ClusterAtlas").PersistKeysToDbContext<ClusterAtlasDbContext>();

        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // The user name is the e-mail address, already validated as one: any character it may hold is fine.
                options.User.AllowedUserNameCharacters = string.Empty;
                options.SignIn.RequireConfirmedEmail = true;
                // Length over composition rules (NIST SP 800-63B): long passphrases are welcome, "Password1!" gains nothing.
                options.Password.RequiredLength = 10;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutTime;
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<ClusterAtlasDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.ProviderName)
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = LinkLifetime);
        // The security stamp is checked on every request (the account and its roles read again): signing out, a password change or
        // a new authenticator ends the other sessions at once, and a copied cookie is worth nothing after sign-out.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.AddTransportSecurity(configuration);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "ClusterAtlas.Account";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.SlidingExpiration = true;
            // The stamp is checked on every request, and a good stamp would rewrite the cookie each time, which also
            // marks every answer no-store (static files and public logos included): the check stays, the rewrite
            // is left to sliding expiration.
            // A form sent after the session ended (signed out in another tab, the cookie expired) is not redirected
            // to the sign-in page, which would lose what was typed: a 401 shows the status page, which says so, links
            // to the sign-in and back to the form, and shows the sent text to copy (not stored, not logged).
            options.Events.OnRedirectToLogin = context =>
            {
                var request = context.Request;
                if (HttpMethods.IsPost(request.Method) && request.HasFormContentType && !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }
                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = async context =>
            {
                await SecurityStampValidator.ValidatePrincipalAsync(context);
                context.ShouldRenew = false;
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(AccountPolicies.Moderator, policy => policy
                .RequireAuthenticatedUser().RequireRole(AccountRoles.Moderator, AccountRoles.Administrator).AddRequirements(new TwoFactorEnabledRequirement()))
            .AddPolicy(AccountPolicies.Administrator, policy => policy
                .RequireAuthenticatedUser().RequireRole(AccountRoles.Administrator).AddRequirements(new TwoFactorEnabledRequirement()))
            .AddPolicy(AccountPolicies.EditProfile, policy => policy
                .RequireAuthenticatedUser().AddRequirements(new ProfileEditingRequirement()));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, TwoFactorSetupRedirect>();
        services.AddScoped<IAuthorizationHandler, ProfileEditingHandler>();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(FormRateLimit, FormPostsPerClient);
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                // The body is left empty so that the status-code page explains it in the visitor's language.
                return ValueTask.CompletedTask;
            };
        });

        services.Configure<RazorPagesOptions>(options =>
            // The one-time link of `users add-admin` opens the reset page under a name that says what it is for.
            options.Conventions.AddPageRoute("/Accounts/ResetPasswordPage", "account/set-password"));
        services.AddScoped<AccountLinks>();
        services.AddScoped<AccountMail>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<AccountThrottles>();
        services.AddScoped<CurrentPasswordCheck>();
        services.AddScoped<EqualPasswordWork>();
        return services;
    }

    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseCookiePolicy();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// Posts are counted per client address and form; viewing a form is free. Behind a reverse proxy, name it in
    /// ClusterAtlas:TrustedProxies so that the client's address (not the proxy's) is seen here.
    /// </summary>
    private static RateLimitPartition<string> FormPostsPerClient(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var settings = context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value;
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var form = context.GetEndpoint()?.DisplayName ?? context.Request.Path.Value ?? "";
        return RateLimitPartition.GetFixedWindowLimiter($"{client} {form}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.RateLimitPermits,
            Window = TimeSpan.FromSeconds(settings.RateLimitWindowSeconds),
            QueueLimit = 0,
        });
    }
}
