using ClusterAtlas.Data;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ClusterAtlas.Mail;

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
