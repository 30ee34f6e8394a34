namespace ClusterAtlas.Mail;

/// <summary>
/// Settings under "ClusterAtlas:Smtp". With no Host, messages are written as .eml files under
/// {DataDirectory}/mail/ instead of being sent. Keep the password in an environment variable
/// (ClusterAtlas__Smtp__Password) or a secret store, never in a file in the repository.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "ClusterAtlas:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>StartTls (the default, for port 587), SslOnConnect (port 465) or None (a relay on localhost only).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The sender of every message, e.g. "ClusterAtlas &lt;no-reply@example.org&gt;".</summary>
    public string From { get; set; } = "ClusterAtlas <no-reply@localhost>";
}
