using MimeKit;

namespace ClusterAtlas.Mail;

/// <summary>Delivers a finished message. Which implementation runs is decided by configuration (see <see cref="MailFeature"/>).</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
