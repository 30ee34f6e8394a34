using ClusterAtlas.Mail;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ClusterAtlas.Tests.Mail;

public sealed class MailTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task Messages_go_to_the_pickup_folder_unless_an_smtp_host_is_configured()
    {
        Assert.IsType<PickupDirectoryMailSender>(app.Services.GetRequiredService<IMailSender>());
        await using var withSmtp = app.WithWebHostBuilder(builder => builder.UseSetting("ClusterAtlas:Smtp:Host", "smtp.example.org"));
        Assert.IsType<SmtpMailSender>(withSmtp.Services.GetRequiredService<IMailSender>());
    }

    [Fact]
    public async Task A_message_is_plain_text_and_html_in_the_language_of_the_person()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var browser = app.CreateBrowser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sr-Latn");
        using var registered = await ClusterAtlasFactory.RegisterAsync(browser, email);

        // The form's language is remembered with the account and used for its mail.
        await app.AllMailSentAsync();
        var message = app.MailTo(email).Single();
        var body = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal("sr-Latn", body.Headers[HeaderId.ContentLanguage]);
        Assert.Equal(["text/plain", "text/html"], body.Select(part => part.ContentType.MimeType));
        Assert.Equal("ClusterAtlas", message.From.Mailboxes.Single().Name);
    }
}
