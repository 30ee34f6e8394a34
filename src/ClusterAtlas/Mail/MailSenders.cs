using ClusterAtlas.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ClusterAtlas.Mail;

/// <summary>Delivers a finished message. Which implementation runs is decided by configuration (see <see cref="MailServices"/>).</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends through the configured SMTP server, one connection per message (account mail is rare).</summary>
public sealed class SmtpMailSender(IOptions<SmtpOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        var security = settings.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        var host = settings.Host ?? throw new InvalidOperationException("ClusterAtlas:Smtp:Host is not set.");
        await client.ConnectAsync(host, settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Sent \"{Subject}\" through {Host}", message.Subject, settings.Host);
    }
}

/// <summary>
/// Writes each message as an .eml file under {DataDirectory}/mail/, to be opened with any mail program:
/// the default when no SMTP server is configured, and what tests and demos read.
/// </summary>
public sealed class PickupDirectoryMailSender(IOptions<ClusterAtlasOptions> options, TimeProvider clock, ILogger<PickupDirectoryMailSender> logger) : IMailSender
{
    public string Directory => Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "mail");

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var file = Path.Combine(Directory, name);
        // Written under another name first, so a reader never sees half a message.
        var partial = file + ".partial";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, file);
        logger.LogInformation("Wrote \"{Subject}\" to {File}", message.Subject, file);
    }
}
