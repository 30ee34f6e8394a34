using System.Net;
using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Accounts;

/// <summary>
/// Whether an address has an account shows neither in the answers of sign-in, registration and password reset nor in
/// their time: the same password hashing happens either way (counted, not timed), and mail goes out after the answer.
/// </summary>
public sealed class EnumerationTests(AccountSecurityFactory app) : IClassFixture<AccountSecurityFactory>
{
    [Fact]
    public async Task A_wrong_password_is_checked_as_long_for_an_unknown_address_as_for_an_account()
    {
        var known = ClusterAtlasFactory.NewEmail();
        var unknown = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(known);

        var (forKnown, checksForKnown) = await CountedAsync(() => SignInFromAsync("192.0.2.11", known, "not the password at all"));
        var (forUnknown, checksForUnknown) = await CountedAsync(() => SignInFromAsync("192.0.2.12", unknown, "not the password at all"));

        Assert.Equal(1, checksForKnown);
        Assert.Equal(checksForKnown, checksForUnknown);
        Assert.Equal(forKnown, forUnknown);
        Assert.Contains("The e-mail address or the password is not correct.", forUnknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_failures_read_the_same_for_an_unknown_address_as_for_an_account()
    {
        var known = ClusterAtlasFactory.NewEmail();
        var unknown = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(known);

        var knownAnswers = new List<string>();
        var unknownAnswers = new List<string>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            knownAnswers.Add(await SignInFromAsync("192.0.2.21", known, "not the password at all"));
            unknownAnswers.Add(await SignInFromAsync("192.0.2.22", unknown, "not the password at all"));
        }

        Assert.Equal(knownAnswers, unknownAnswers);
        Assert.Contains("signing in with it is paused for 15 minutes", unknownAnswers[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("paused", unknownAnswers[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_a_taken_address_answers_and_hashes_as_for_a_new_one_and_tells_the_owner()
    {
        var taken = ClusterAtlasFactory.NewEmail();
        var fresh = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(taken);

        var hashedBefore = app.Hasher.Hashed;
        using var forTaken = await ClusterAtlasFactory.RegisterAsync(app.CreateBrowserFrom("192.0.2.31"), taken, "another long passphrase");
        var hashesForTaken = app.Hasher.Hashed - hashedBefore;
        hashedBefore = app.Hasher.Hashed;
        using var forFresh = await ClusterAtlasFactory.RegisterAsync(app.CreateBrowserFrom("192.0.2.32"), fresh, "another long passphrase");
        var hashesForFresh = app.Hasher.Hashed - hashedBefore;

        Assert.Equal(1, hashesForFresh);
        Assert.Equal(hashesForFresh, hashesForTaken);
        Assert.Equal(forFresh.StatusCode, forTaken.StatusCode);
        Assert.Equal(
            (await ClusterAtlasFactory.MainTextAsync(forFresh)).Replace(fresh, "ADDRESS", StringComparison.Ordinal),
            (await ClusterAtlasFactory.MainTextAsync(forTaken)).Replace(taken, "ADDRESS", StringComparison.Ordinal));
        await app.LatestMailAsync(taken, "You already have a ClusterAtlas account");

        // A password the rules refuse is refused for a taken address too, not waved through to "check your inbox".
        using var weakTaken = await ClusterAtlasFactory.RegisterAsync(app.CreateBrowserFrom("192.0.2.33"), taken, "short");
        using var weakFresh = await ClusterAtlasFactory.RegisterAsync(app.CreateBrowserFrom("192.0.2.34"), ClusterAtlasFactory.NewEmail(), "short");
        Assert.Equal(await ClusterAtlasFactory.FieldErrorsAsync(weakFresh), await ClusterAtlasFactory.FieldErrorsAsync(weakTaken));
        Assert.NotEmpty(await ClusterAtlasFactory.FieldErrorsAsync(weakTaken));
    }

    [Fact]
    public async Task Account_mail_goes_out_after_the_answer_so_the_answer_takes_no_longer_for_an_account()
    {
        var known = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(known);
        var held = app.HeldMail.Hold();
        try
        {
            // Mail delivery (an SMTP round trip) is held back: the page answers all the same. (A page that waited for
            // the delivery would wait until released; the minute only keeps such a failure from hanging the suite.)
            var asking = app.CreateBrowserFrom("192.0.2.41").SubmitFormAsync("/account/forgot-password", new() { ["Email"] = known });
            Assert.True(await Task.WhenAny(asking, Task.Delay(TimeSpan.FromMinutes(1))) == asking, "the page waited for the mail to be delivered");
            using var asked = await asking;
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.DoesNotContain(app.MailTo(known), m => m.Subject == "Reset your password");
        }
        finally
        {
            held.SetResult();
        }
        await app.LatestMailAsync(known, "Reset your password");
    }

    private async Task<string> SignInFromAsync(string address, string email, string password)
    {
        using var browser = app.CreateBrowserFrom(address);
        using var response = await ClusterAtlasFactory.SubmitLoginAsync(browser, email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ClusterAtlasFactory.MainTextAsync(response);
    }

    private async Task<(string Answer, int PasswordChecks)> CountedAsync(Func<Task<string>> signIn)
    {
        var before = app.Hasher.Verified;
        var answer = await signIn();
        return (answer, app.Hasher.Verified - before);
    }
}
