using System.Net;
using ClusterAtlas.Contact;
using ClusterAtlas.Moderation;
using ClusterAtlas.Tests.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ClusterAtlas.Tests.Contact;

/// <summary>Writing to a profile's administrators: the mail to each of them, the inbox, answers from both sides, bad input, and profiles nobody can answer for.</summary>
public sealed class ContactRequestTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task The_form_names_time_zones_by_their_offset_and_city_and_sends_their_IANA_id()
    {
        var recipient = await app.MemberWithPublishedProfileAsync("Zone Named Cluster");
        var sender = await app.MemberWithPublishedProfileAsync("Zone Choosing Cluster");
        var form = await ContactScenarios.PageAsync(sender.Browser, $"/cluster-organisations/{recipient.Slug}/contact");
        var options = form.QuerySelectorAll("#Draft_TimeZone option").ToList();
        Assert.True(options.Count > 100, $"{options.Count} zones");
        Assert.Equal("(UTC\u221203:00) Buenos Aires", options.Single(o => o.GetAttribute("value") == "America/Argentina/Buenos_Aires").TextContent);
        Assert.Equal("(UTC+05:30) Kolkata", options.Single(o => o.GetAttribute("value") == "Asia/Kolkata").TextContent);
        Assert.Equal("UTC", options.Single(o => o.HasAttribute("selected")).GetAttribute("value"));
        Assert.All(options, o => Assert.DoesNotContain("/", o.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_administrator_gets_the_request_by_mail_with_the_sender_as_reply_to_and_in_the_inbox_unread()
    {
        var recipient = await app.MemberWithPublishedProfileAsync("Written To Cluster");
        var colleague = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(colleague, name: "Colleague Test");
        await app.AddAdministratorAsync(recipient.ProfileId, colleague);
        var sender = await app.MemberWithPublishedProfileAsync("Writing Cluster");

        var id = await ContactScenarios.SendRequestAsync(sender.Browser, recipient.Slug, "Joint pilot line",
            ("Draft.SenderProfileId", sender.ProfileId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Draft.Times[0]", "2030-03-01T10:00"), ("Draft.TimeZone", "Europe/Belgrade"));

        foreach (var to in new[] { recipient.Email, colleague })
        {
            var mail = await app.LatestMailAsync(to, "Contact request: Joint pilot line");
            Assert.Equal(sender.Email, ((MailboxAddress)mail.ReplyTo.Single()).Address);
            Assert.Contains("We would like to work with you on **precision machining**.", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Writing Cluster", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("1 March 2030 10:00 (Europe/Belgrade; 09:00 UTC)", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Friday", mail.TextBody, StringComparison.Ordinal);
            Assert.Equal($"/account/inbox/{id}", ClusterAtlasFactory.LinkIn(mail, $"/account/inbox/{id}").OriginalString);
        }
        Assert.DoesNotContain(app.MailTo(sender.Email), m => (m.Subject ?? "").StartsWith("Contact request", StringComparison.Ordinal));

        var inbox = await ContactScenarios.PageAsync(recipient.Browser, "/account/inbox");
        var row = inbox.QuerySelectorAll("table.inbox tbody tr").Single(r => r.TextContent.Contains("Joint pilot line", StringComparison.Ordinal));
        Assert.Equal("unread", row.ClassName);
        var conversation = await ContactScenarios.PageAsync(recipient.Browser, $"/account/inbox/{id}");
        Assert.Contains("precision machining", conversation.QuerySelector(".message-text strong")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2030-03-01T09:00:00Z", conversation.QuerySelector(".proposed-times time")!.GetAttribute("datetime"));
        Assert.Contains(conversation.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/cluster-organisations/{sender.Slug}");
        inbox = await ContactScenarios.PageAsync(recipient.Browser, "/account/inbox");
        Assert.Null(inbox.QuerySelector("tr.unread"));
        // Read for one administrator is read for all: they answer as one.
        using var colleagueBrowser = await app.SignInAsync(colleague);
        Assert.Null((await ContactScenarios.PageAsync(colleagueBrowser, "/account/inbox")).QuerySelector("tr.unread"));
        Assert.Equal(1, await app.WithDbAsync(db => db.ModerationActions.CountAsync(a => a.Action == ModerationActionKind.ContactRequestSent && a.ClusterOrganisationId == recipient.ProfileId)));
    }

    [Fact]
    public async Task Either_side_answers_in_the_inbox_and_the_other_side_is_mailed()
    {
        var recipient = await app.MemberWithPublishedProfileAsync("Answering Cluster");
        var sender = await app.MemberWithPublishedProfileAsync("Asking Cluster");
        var id = await ContactScenarios.SendRequestAsync(sender.Browser, recipient.Slug, "Questions about testing");

        using var answered = await ContactScenarios.ActAsync(recipient.Browser, id, "Answer", ("Answer", "Yes, we test *gears* too."));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var toSender = await app.LatestMailAsync(sender.Email, "New answer: Questions about testing");
        Assert.Equal(recipient.Email, ((MailboxAddress)toSender.ReplyTo.Single()).Address);
        Assert.Contains("Yes, we test *gears* too.", toSender.TextBody, StringComparison.Ordinal);
        Assert.NotNull((await ContactScenarios.PageAsync(sender.Browser, "/account/inbox")).QuerySelector("tr.unread"));
        var page = await ContactScenarios.PageAsync(sender.Browser, $"/account/inbox/{id}");
        Assert.Equal(["precision machining", "gears"], page.QuerySelectorAll(".message-text em, .message-text strong").Select(e => e.TextContent));

        using var again = await ContactScenarios.ActAsync(sender.Browser, id, "Answer", ("Answer", "Great, when can we visit?"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var toRecipient = await app.LatestMailAsync(recipient.Email, "New answer: Questions about testing");
        Assert.Equal(sender.Email, ((MailboxAddress)toRecipient.ReplyTo.Single()).Address);

        using var empty = await ContactScenarios.ActAsync(sender.Browser, id, "Answer", ("Answer", "  "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Write a message.", (await ClusterAtlasFactory.FieldErrorsAsync(empty))["Answer"]);
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<ContactMessage>().CountAsync(m => m.RequestId == id)));
    }

    [Fact]
    public async Task Markdown_keeps_no_raw_html_and_names_and_subjects_cannot_add_mail_headers()
    {
        var recipient = await app.MemberWithPublishedProfileAsync("Guarded Inbox Cluster");
        using var sender = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var id = await ContactScenarios.SendRequestAsync(sender, recipient.Slug, "Hello\r\nBcc: x@evil.example",
            ("Draft.Message", "<script>alert(1)</script> <b>bold</b> [x](javascript:alert(1))"));

        var mail = await app.LatestMailAsync(recipient.Email, "Contact request: Hello Bcc: x@evil.example");
        Assert.Empty(mail.Bcc);
        Assert.DoesNotContain(mail.Headers, h => h.Field == "Bcc");
        var page = await ContactScenarios.PageAsync(recipient.Browser, $"/account/inbox/{id}");
        var text = page.QuerySelector(".message-text")!;
        Assert.Null(text.QuerySelector("script"));
        Assert.Null(text.QuerySelector("b"));
        Assert.DoesNotContain(text.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Bad_input_is_named_field_by_field_and_nothing_is_stored_or_sent()
    {
        var recipient = await app.MemberWithPublishedProfileAsync("Strict Form Cluster");
        using var sender = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var before = await app.RequestCountAsync();

        using var response = await ContactScenarios.WriteAsync(sender, recipient.Slug, "", "",
            ("Draft.Times[0]", "2001-01-01T10:00"), ("Draft.Times[1]", "next Tuesday"), ("Draft.TimeZone", "Europe/Belgrade"), ("Draft.SenderProfileId", "999999"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ClusterAtlasFactory.FieldErrorsAsync(response);
        Assert.Equal("Enter a subject.", errors["Draft.Subject"]);
        Assert.Equal("Write a message.", errors["Draft.Message"]);
        Assert.Equal("Proposed time 1 is in the past.", errors["Draft.Times[0]"]);
        Assert.Equal("Proposed time 2 is not a date and time such as 2027-01-14 10:00.", errors["Draft.Times[1]"]);
        Assert.Contains("You may write only for a published cluster organisation you administer.", await ClusterAtlasFactory.MainTextAsync(response), StringComparison.Ordinal);

        using var noZone = await ContactScenarios.WriteAsync(sender, recipient.Slug, "Subject", "Text", ("Draft.Times[0]", "2030-01-01T10:00"), ("Draft.TimeZone", "Mars/Olympus"));
        Assert.Equal("Choose the time zone of the proposed times.", (await ClusterAtlasFactory.FieldErrorsAsync(noZone))["Draft.TimeZone"]);
        using var tooLong = await ContactScenarios.WriteAsync(sender, recipient.Slug, new string('s', ContactRequest.MaxSubjectLength + 1), new string('m', ContactMessage.MaxTextLength + 1));
        var longErrors = await ClusterAtlasFactory.FieldErrorsAsync(tooLong);
        Assert.Equal("The subject is longer than 200 characters.", longErrors["Draft.Subject"]);
        Assert.Equal("The message is longer than 10000 characters.", longErrors["Draft.Message"]);
        Assert.Equal(before, await app.RequestCountAsync());
        Assert.DoesNotContain(app.MailTo(recipient.Email), m => (m.Subject ?? "").StartsWith("Contact request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_profile_nobody_administers_says_so_and_shows_its_public_contact_data_instead()
    {
        using var sender = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        // The seed profile names no address of its own, but its team's phones, as its page shows them.
        var page = await ContactScenarios.PageAsync(sender, $"/cluster-organisations/{SeedPage.Slug}/contact");
        var notice = page.QuerySelector("#no-administrators")!;
        Assert.Contains("Nobody administers this cluster organisation's profile on the platform yet", notice.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("The profile names no e-mail address", notice.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(notice.QuerySelectorAll("dd a[href^='tel:']"));
        Assert.Null(page.QuerySelector("form.contact-form"));
        // A profile with public contact data offers it; a team member's hidden contact stays hidden, and with nothing
        // else to offer the page says so.
        await app.WithDbAsync(db =>
        {
            db.ClusterOrganisations.Add(new ClusterAtlas.Profiles.ClusterOrganisation
            {
                Slug = "unadministered-contact-cluster", Name = "Unadministered Contact Cluster", Email = "office@unadministered.example.org",
                Status = ClusterAtlas.Profiles.ProfileStatus.Published, PublishedAt = DateTimeOffset.UtcNow,
            });
            db.ClusterOrganisations.Add(new ClusterAtlas.Profiles.ClusterOrganisation
            {
                Slug = "unadministered-hidden-cluster", Name = "Unadministered Hidden Cluster",
                Status = ClusterAtlas.Profiles.ProfileStatus.Published, PublishedAt = DateTimeOffset.UtcNow,
                ManagementTeam = [new ClusterAtlas.Profiles.ManagementTeamMember { Name = "Hidden Person", Phone = "+381 21 000 0000", ContactVisibility = ClusterAtlas.Profiles.ContactVisibility.Hidden }],
            });
            return db.SaveChangesAsync();
        });
        var withEmail = await ContactScenarios.PageAsync(sender, "/cluster-organisations/unadministered-contact-cluster/contact");
        Assert.Equal("mailto:office@unadministered.example.org", withEmail.QuerySelector("#no-administrators dd a")!.GetAttribute("href"));
        var hidden = await ContactScenarios.PageAsync(sender, "/cluster-organisations/unadministered-hidden-cluster/contact");
        Assert.Contains("The profile names no e-mail address, website or phone number.", hidden.QuerySelector("#no-administrators")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("000 0000", hidden.Body!.TextContent, StringComparison.Ordinal);

        var before = await app.RequestCountAsync();
        using var refused = await ContactScenarios.WriteAsync(sender, SeedPage.Slug, "Anyone there?");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(before, await app.RequestCountAsync());
    }

    [Fact]
    public async Task The_profile_page_and_a_posting_offer_contact_and_a_member_cannot_write_to_their_own_profile()
    {
        var owner = await app.MemberWithPublishedProfileAsync("Offering Contact Cluster");
        var postingId = await owner.PostPostingAsync("Partners for smart welding");
        using var anonymous = app.CreateBrowser();
        var profile = await ContactScenarios.PageAsync(anonymous, $"/cluster-organisations/{owner.Slug}");
        Assert.Equal($"/cluster-organisations/{owner.Slug}/contact", profile.QuerySelector("a.contact-link")!.GetAttribute("href"));
        using var signIn = await anonymous.GetAsync(new Uri($"/cluster-organisations/{owner.Slug}/contact", UriKind.Relative));
        Assert.StartsWith("/account/login", signIn.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);

        using var member = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var posting = await ContactScenarios.PageAsync(member, $"/partner-search/{postingId}");
        var link = posting.QuerySelector("a.contact-link")!.GetAttribute("href")!;
        Assert.Equal($"/cluster-organisations/{owner.Slug}/contact?posting={postingId}", link);
        var form = await ContactScenarios.PageAsync(member, link);
        Assert.Equal("About your partner search “Partners for smart welding”", form.QuerySelector("#Draft_Subject")!.GetAttribute("value"));
        using var sent = await PartnerSearchScenarios.PostAsync(member, link, [new("Draft.Subject", "About welding"), new("Draft.Message", "We weld.")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(postingId, await app.WithDbAsync(db => db.Set<ContactRequest>().Where(r => r.Subject == "About welding").Select(r => r.PostingId).SingleAsync()));

        var own = await ContactScenarios.PageAsync(owner.Browser, $"/cluster-organisations/{owner.Slug}/contact");
        Assert.NotNull(own.QuerySelector("#own-profile"));
        using var refused = await ContactScenarios.WriteAsync(owner.Browser, owner.Slug, "To myself");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task The_contact_pages_are_valid_html()
    {
        var recipient = await app.MemberWithPublishedProfileAsync("Valid Pages Cluster");
        var sender = await app.MemberWithPublishedProfileAsync("Valid Sender Cluster");
        var id = await ContactScenarios.SendRequestAsync(sender.Browser, recipient.Slug, "Valid pages", ("Draft.Times[0]", "2030-03-01T10:00"), ("Draft.TimeZone", "UTC"));
        foreach (var (browser, url) in new[] { (sender.Browser, $"/cluster-organisations/{recipient.Slug}/contact"), (sender.Browser, "/account/inbox"),
            (recipient.Browser, $"/account/inbox/{id}"), (recipient.Browser, $"/cluster-organisations/{recipient.Slug}/contact-settings") })
        {
            using var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await HtmlValidator.AssertValidAsync(await response.Content.ReadAsStringAsync(), url);
        }
        using var invalid = await ContactScenarios.WriteAsync(sender.Browser, recipient.Slug, "", "");
        await HtmlValidator.AssertValidAsync(await invalid.Content.ReadAsStringAsync(), "the contact form with errors");
    }
}
