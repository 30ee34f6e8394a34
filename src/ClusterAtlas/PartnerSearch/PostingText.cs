using ClusterAtlas.Profiles;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace ClusterAtlas.PartnerSearch;

/// <summary>A posting's Markdown: rendered by the profiles' pipeline (no raw HTML, links under the link policy), or as plain text for excerpts and search.</summary>
public static class PostingText
{
    public static IHtmlContent Html(string markdown) => ProfileView.Markdown(markdown);

    public static string Plain(string markdown) =>
        System.Text.RegularExpressions.Regex.Replace(Markdig.Markdown.ToPlainText(markdown, PlainPipeline), @"\s+", " ").Trim();

    private static readonly MarkdownPipeline PlainPipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string Excerpt(string plain, int length) =>
        plain.Length <= length ? plain : plain[..(plain.LastIndexOf(' ', length) is var space and > 0 ? space : length)] + "…";
}
