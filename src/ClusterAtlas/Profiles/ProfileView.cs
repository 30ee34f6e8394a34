using ClusterAtlas.Links;
using ClusterAtlas.Localisation;
using ClusterAtlas.Vocabularies;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace ClusterAtlas.Profiles;

/// <summary>A profile ready to show: terms by field, country names, rendered Markdown.</summary>
/// <remarks>Names from data (countries, terms) are looked up in the page's language at each call: a view is cached across requests.</remarks>
public sealed class ProfileView(ClusterOrganisation profile, DataLabels labels, CountryList countries)
{
    public ClusterOrganisation Profile { get; } = profile;

    public string CountryName(string? code) => labels.Country(code);

    // A field's terms in their order, found once per loaded profile (filtering and sorting them was a twentieth of what
    // a page view allocated); their labels are looked up in the page's language at each call.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ProfileField, ProfileTerm[]> _termsByField = new();

    public IReadOnlyList<string> Terms(ProfileField field)
    {
        var terms = _termsByField.GetOrAdd(field, f => [.. Profile.TermsOf(f)]);
        var labelled = new string[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            labelled[i] = labels.Term(terms[i].Term);
        }
        return labelled;
    }

    /// <summary>A free-text value that may be a term of a vocabulary (a role, a facility type) in the page's language.</summary>
    public string TermOrText(string vocabulary, string text) => labels.Term(vocabulary, text);

    /// <summary>
    /// The language of the name in the local language, for its lang attribute: the profile's choice, else the country's
    /// main language (profiles saved before the choice existed). Never the country code: "rs" is no language.
    /// </summary>
    public string? LocalNameLanguage => Profile.LocalLanguage ?? countries.MainLanguageOf(Profile.CountryCode);

    // Per page section, found once per loaded profile: most sections have none, and then no partial is rendered.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Schema.ProfileSchemaField>> _schemaFieldsBySection = new(StringComparer.Ordinal);

    /// <summary>The fields of a page section that the schema renders and that have a value (<see cref="SchemaFieldsOfSection"/>).</summary>
    public IReadOnlyList<Schema.ProfileSchemaField> SchemaFieldsOf(ProfileSection section) =>
        _schemaFieldsBySection.GetOrAdd(section.Id, id =>
            [.. Schema.ProfileSchema.Fields.Where(f => f.RenderedBySchema && Schema.ProfileSchema.PageSectionOf(f) == id && f.HasContent(Profile))]);

    // Found once per loaded profile, not on every page view.
    private IReadOnlyList<ProfileSection>? _sections;

    /// <summary>The page's sections that have content, in page order (the in-page navigation, the page and the print view).</summary>
    public IReadOnlyList<ProfileSection> Sections => _sections ??= [.. ProfileSection.All.Where(s => s.HasContent(Profile))];

    // Rendered once per loaded profile, not on every page view.
    private IHtmlContent? _strategyHtml;
    private IHtmlContent? _servicesHtml;

    public IHtmlContent StrategyHtml => _strategyHtml ??= Markdown(Profile.StrategyMarkdown);

    public IHtmlContent ServicesHtml => _servicesHtml ??= Markdown(Profile.SupportServicesMarkdown);

    public static IHtmlContent Markdown(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }
        var document = Markdig.Markdown.Parse(markdown, MarkdownPipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            // Only links the link policy allows: "javascript:" and the like become plain text. Images are shown as
            // links: a profile does not load pictures from elsewhere.
            if (!LinkPolicy.IsAllowed(link.GetDynamicUrl?.Invoke() ?? link.Url))
            {
                link.Url = "";
            }
            link.IsImage = false;
        }
        // Autolinks (<scheme:anything>) are their own kind of inline: one the policy refuses is left as its text.
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!LinkPolicy.IsAllowed(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
        var html = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(html);
        MarkdownPipeline.Setup(renderer);
        renderer.Render(document);
        return new HtmlString(html.ToString());
    }

    // Raw HTML is disabled: whatever people type is shown as text, never run as markup.
    private static readonly MarkdownPipeline MarkdownPipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();
}
