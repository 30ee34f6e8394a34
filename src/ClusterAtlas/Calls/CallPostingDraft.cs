using System.Globalization;
using ClusterAtlas.Data;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Calls;

/// <summary>
/// "Look for partners for this call": a new partner search of the interest-in-a-call kind, filled in from the call
/// (its name, programme, link, sectors, technology fields and deadline) for the member to change and post.
/// </summary>
public sealed class CallPostingDraft(ClusterAtlasDbContext db, IStringLocalizer<SharedResource> T)
{
    /// <summary>Fills the form from the call with this slug; false (the form as it was) when there is no such call.</summary>
    public async Task<bool> FillAsync(PostingForm form, string callSlug, DateOnly today, CancellationToken cancellationToken)
    {
        var call = await db.Set<FundingCall>().AsNoTracking().Include(c => c.Terms).ThenInclude(t => t.Term)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Slug == callSlug, cancellationToken);
        if (call is null)
        {
            return false;
        }
        var closes = CallLabels.ClosingDay(call);
        var active = call.Terms.Where(t => t.Term.Status == Vocabularies.TermStatus.Active).ToList();
        form.Kind = PostingKind.CallInterest;
        form.Title = Clip(T["Partners wanted for the call {0}", call.Title], PartnerSearchPosting.MaxTitleLength);
        form.Text = T["We are preparing a proposal for the call “{0}” of {1}, which closes on {2}, and look for partners. Tell us what your members would bring.",
            call.Title, call.Programme, closes.ToString("D", CultureInfo.CurrentCulture)];
        form.CallName = Clip(call.Identifier is null ? call.Title : $"{call.Title} ({call.Identifier})", PartnerSearchPosting.MaxCallTextLength);
        form.CallProgramme = Clip(call.Programme, PartnerSearchPosting.MaxCallTextLength);
        form.CallLink = call.Link;
        form.Sectors = [.. active.Where(t => t.Field == ProfileField.SectoralIndustry).OrderBy(t => t.SortOrder).Select(t => t.VocabularyTermId)];
        form.Technologies = [.. active.Where(t => t.Field == ProfileField.TechnologyField).OrderBy(t => t.SortOrder).Select(t => t.VocabularyTermId)];
        form.TargetCountries = [.. call.EligibleCountries];
        form.Intents = [PartnerSearchIntents.Partnering];
        // The partner search closes with the call, within the partner search's own limits.
        var deadline = closes < today ? today : closes > today.AddYears(PostingForm.MaxDeadlineYears) ? today.AddYears(PostingForm.MaxDeadlineYears) : closes;
        form.Deadline = deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
