using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Logos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.News;

/// <summary>The news form's checks, each error keyed by its field ("Form.Title", "Image") and saying what is wrong.</summary>
public sealed class NewsChecks(ClusterAtlasDbContext db, IStringLocalizer<SharedResource> T)
{
    /// <summary>Related cluster organisations a news item names at most.</summary>
    private const int MaxRelated = 20;

    /// <summary>The longest line read as a related cluster organisation (an address, a slug or a name).</summary>
    private const int MaxRelatedLine = 300;

    public async Task<(NewsInput? Input, List<(string Field, string Message)> Errors)> CheckAsync(
        NewsForm form, IFormFile? upload, NewsItem? existing, CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        var title = form.Title?.Trim() ?? "";
        var summary = form.Summary?.Trim() ?? "";
        var body = form.Body?.Trim() ?? "";
        Required(errors, "Form.Title", title, NewsItem.MaxTitleLength, T["Title"]);
        Required(errors, "Form.Summary", summary, NewsItem.MaxSummaryLength, T["Summary"]);
        Required(errors, "Form.Body", body, NewsItem.MaxBodyLength, T["Text"]);
        var tags = WhatsNew.Tags.Parse(form.Tags);
        if (!WhatsNew.Tags.WithinLimits(tags))
        {
            errors.Add(("Form.Tags", T["At most {0} tags, each at most {1} characters.", WhatsNew.Tags.MaxCount, WhatsNew.Tags.MaxLength]));
        }
        var related = new List<ClusterOrganisation>();
        var wantedProfiles = (form.RelatedProfiles ?? "").Split(['\n', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // Each line is looked up in the database: more lines than may be kept, or longer than an address, are refused
        // before any is (a pasted page was thousands of lookups, and its error repeated the whole of it).
        if (wantedProfiles.Count > MaxRelated)
        {
            errors.Add(("Form.RelatedProfiles", T["At most {0} related cluster organisations.", MaxRelated]));
            wantedProfiles.Clear();
        }
        foreach (var tooLong in wantedProfiles.Where(w => w.Length > MaxRelatedLine).Take(3))
        {
            errors.Add(("Form.RelatedProfiles", T["No published cluster organisation is called “{0}”.", tooLong[..60] + "…"]));
        }
        foreach (var wanted in wantedProfiles.Where(w => w.Length <= MaxRelatedLine))
        {
            // An address or a slug ("…/cluster-organisations/x-cluster"), or a name: a profile's slug is made from its name.
            var slug = wanted.Trim('/').Split('/')[^1];
            var nameSlug = TextFolding.Slug(wanted);
            var profile = await db.ClusterOrganisations
                .Where(p => p.Status == ProfileStatus.Published && (p.Slug == slug || p.Slug == nameSlug || p.Name == wanted))
                .OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
            if (profile is null)
            {
                errors.Add(("Form.RelatedProfiles", T["No published cluster organisation is called “{0}”.", wanted]));
            }
            else if (!related.Contains(profile))
            {
                related.Add(profile);
            }
        }

        LogoFile? image = null;
        if (upload is { Length: > 0 })
        {
            if (upload.Length > LogoFile.MaxBytes)
            {
                errors.Add(("Image", T["The image may be at most 1 MB; this file has {0:N0} KB.", upload.Length / 1024]));
            }
            else
            {
                using var content = new MemoryStream();
                await upload.CopyToAsync(content, cancellationToken);
                var (file, refusal) = LogoFile.Read(content.ToArray());
                image = file;
                if (file is null)
                {
                    errors.Add(("Image", refusal == LogoRefusal.TooLarge
                        ? T["The image may be at most 1 MB; this file has {0:N0} KB.", content.Length / 1024]
                        : T["The image must be a PNG, JPEG, WebP or SVG image, and this file is none of them."]));
                }
            }
        }
        var alt = form.ImageAlt?.Trim();
        var removing = form.RemoveImage && image is null;
        var hasImage = image is not null || (existing?.ImageSha256 is not null && !removing);
        if (hasImage && string.IsNullOrEmpty(alt))
        {
            errors.Add(("Form.ImageAlt", T["Describe the image for those who cannot see it (its text alternative)."]));
        }
        else if (alt is { Length: > NewsItem.MaxAltLength })
        {
            errors.Add(("Form.ImageAlt", T["{0} may be at most {1} characters.", T["Description of the image"], NewsItem.MaxAltLength]));
        }
        return errors.Count > 0
            ? (null, errors)
            : (new NewsInput(title, summary, body, tags, related, image, hasImage ? alt : null, removing), errors);
    }

    private void Required(List<(string, string)> errors, string field, string value, int max, string label)
    {
        if (value.Length == 0)
        {
            errors.Add((field, T["{0} is required.", label]));
        }
        else if (value.Length > max)
        {
            errors.Add((field, T["{0} may be at most {1} characters.", label, max]));
        }
    }
}
