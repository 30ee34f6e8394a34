namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>The shared validator process answers each page with its own report, also when pages come at once.</summary>
public sealed class HtmlValidatorTests
{
    private const string Valid = "<!doctype html><html lang=\"en\"><head><title>t</title></head><body><p>ok</p></body></html>";

    [Fact]
    public async Task A_valid_page_passes_and_an_invalid_one_fails_with_the_rule_and_the_page_name()
    {
        await HtmlValidator.AssertValidAsync(Valid, "valid page");

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() =>
            HtmlValidator.AssertValidAsync(Valid.Replace("<p>ok</p>", "<img src=\"a.png\">", StringComparison.Ordinal), "page without alt"));
        Assert.Contains("page without alt is not valid HTML", failure.Message, StringComparison.Ordinal);
        Assert.Contains("wcag/h37", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_validated_at_once_each_get_their_own_answer()
    {
        var pages = Enumerable.Range(0, 20).Select(i => (Name: $"page {i}", Html: i % 2 == 0 ? Valid : Valid.Replace("<p>ok</p>", $"<img src=\"{i}.png\">", StringComparison.Ordinal)));

        var outcomes = await Task.WhenAll(pages.Select(async page =>
        {
            try
            {
                await HtmlValidator.AssertValidAsync(page.Html, page.Name);
                return (page.Name, Failure: (string?)null);
            }
            catch (Xunit.Sdk.XunitException failure)
            {
                return (page.Name, Failure: failure.Message);
            }
        }));

        foreach (var (name, failure) in outcomes)
        {
            var number = int.Parse(name[5..], System.Globalization.CultureInfo.InvariantCulture);
            if (number % 2 == 0)
            {
                Assert.Null(failure);
            }
            else
            {
                Assert.NotNull(failure);
                Assert.StartsWith($"{name} is not valid HTML", failure, StringComparison.Ordinal);
            }
        }
    }
}
