using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Html;

namespace ClusterAtlas.WebOfData;

/// <summary>
/// A profile as schema.org's Organization in JSON-LD, for search engines and other readers of linked data. Written by
/// the JSON serializer with its default encoder, which escapes &lt;, &gt; and &amp;: no value can close the script element.
/// </summary>
public static class OrganizationJsonLd
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    // Written once per loaded view, address and language (the country's name is in the page's language): a view is
    // kept until its profile changes, and building the JSON on every page view was a twentieth of the page's time.
    private static readonly ConditionalWeakTable<ProfileView, ConcurrentDictionary<(string BaseUrl, string Culture), IHtmlContent>> Written = new();

    public static IHtmlContent Script(ProfileView view, string baseUrl) =>
        Written.GetValue(view, _ => new()).GetOrAdd((baseUrl, CultureInfo.CurrentUICulture.Name + "|" + CultureInfo.CurrentCulture.Name), key =>
            new HtmlString("<script type=\"application/ld+json\">" + Of(view, key.BaseUrl).ToJsonString(Options) + "</script>"));

    public static JsonObject Of(ProfileView view, string baseUrl)
    {
        var p = view.Profile;
        var page = $"{baseUrl}/cluster-organisations/{Uri.EscapeDataString(p.Slug)}";
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Organization",
            ["@id"] = page + "#organization",
            ["name"] = p.Name,
            ["mainEntityOfPage"] = page,
        };
        Add(json, "alternateName", Array(new[] { p.LocalName, p.Acronym }.OfType<string>()));
        Add(json, "url", Links.LinkPolicy.Href(p.Website));
        Add(json, "description", p.ShortDescription);
        Add(json, "email", p.Email);
        Add(json, "telephone", p.Phone);
        Add(json, "logo", p.LogoSha256 is { } logo ? $"{page}/logo/{logo}" : null);
        Add(json, "foundingDate", p.EstablishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (p.Street is not null || p.City is not null || p.Postcode is not null || p.CountryCode is not null)
        {
            var address = new JsonObject { ["@type"] = "PostalAddress" };
            Add(address, "streetAddress", p.Street);
            Add(address, "postalCode", p.Postcode);
            Add(address, "addressLocality", p.City);
            Add(address, "addressRegion", p.RegionName);
            Add(address, "addressCountry", p.CountryCode);
            json["address"] = address;
        }
        if (p.RegionName is not null)
        {
            json["areaServed"] = new JsonObject { ["@type"] = "AdministrativeArea", ["name"] = p.RegionName };
        }
        else if (p.CountryCode is not null)
        {
            json["areaServed"] = new JsonObject { ["@type"] = "Country", ["name"] = view.CountryName(p.CountryCode) };
        }
        Add(json, "memberOf", p.NetworkMemberships.Count == 0 ? null
            : new JsonArray([.. p.NetworkMemberships.Select(n => (JsonNode)new JsonObject { ["@type"] = "Organization", ["name"] = n })]));
        var topics = new[] { ProfileField.SectoralIndustry, ProfileField.EmergingIndustry, ProfileField.TechnologyField, ProfileField.S3PriorityArea }
            .SelectMany(view.Terms).Distinct(StringComparer.Ordinal);
        Add(json, "knowsAbout", Array(topics));
        if (p.ManagementTeamFte is { } fte)
        {
            // The management team's staff (in full-time equivalents): the cluster organisation's own people, not its members'.
            json["numberOfEmployees"] = new JsonObject { ["@type"] = "QuantitativeValue", ["value"] = fte, ["unitText"] = "FTE" };
        }
        return json;
    }

    private static JsonArray? Array(IEnumerable<string> values)
    {
        var list = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => (JsonNode?)v).ToList();
        return list.Count == 0 ? null : new JsonArray([.. list]);
    }

    private static void Add(JsonObject json, string name, JsonNode? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static void Add(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            json[name] = value;
        }
    }
}
