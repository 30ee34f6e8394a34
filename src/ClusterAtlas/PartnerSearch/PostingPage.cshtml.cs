using ClusterAtlas.Caching;
using ClusterAtlas.Accounts;
using ClusterAtlas.Data;
using ClusterAtlas.Profiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.PartnerSearch;

/// <summary>
/// One posting: its text and details for everyone; following, interest and comments for signed-in members (each
/// handler checks on the server); counts and who is interested for those who may edit its profile. A posting of a
/// profile that is not published exists only for those who may edit that profile.
/// </summary>
[PublicCache(ContentTags.Postings, ContentTags.Profiles, ContentTags.Vocabularies)]
public class PostingPageModel(ClusterAtlasDbContext db, PostingActivity activity, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    public PartnerSearchPosting Posting { get; private set; } = null!;
    public bool MayEdit { get; private set; }
    public bool IsFollowing { get; private set; }
    public PostingInterest? MyInterest { get; private set; }
    public IReadOnlyList<MemberProfile> MyProfiles { get; private set; } = [];
    public bool AdministersPostingProfile { get; private set; }
    public IReadOnlyList<PostingComment> Comments { get; private set; } = [];
    public int FollowerCount { get; private set; }
    public IReadOnlyList<InterestShown> Interests { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public string? CurrentUserId => User.UserId();
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    [BindProperty]
    public string? CommentText { get; set; }

    [BindProperty]
    public int? ReplyTo { get; set; }

    [BindProperty]
    public int InterestProfileId { get; set; }

    [BindProperty]
    public string? InterestMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int postingId, CancellationToken cancellationToken) =>
        await LoadAsync(postingId, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostFollowAsync(int postingId, CancellationToken cancellationToken) =>
        MemberActionAsync(postingId, async userId =>
        {
            await activity.FollowAsync(postingId, userId, cancellationToken);
            return Finished("followed");
        }, cancellationToken);

    public Task<IActionResult> OnPostUnfollowAsync(int postingId, CancellationToken cancellationToken) =>
        MemberActionAsync(postingId, async userId =>
        {
            await activity.UnfollowAsync(postingId, userId, cancellationToken);
            return Finished("unfollowed");
        }, cancellationToken);

    public Task<IActionResult> OnPostInterestAsync(int postingId, CancellationToken cancellationToken) =>
        MemberActionAsync(postingId, async _ =>
        {
            var outcome = await activity.ExpressInterestAsync(Posting, User, InterestProfileId, InterestMessage, cancellationToken);
            return outcome switch
            {
                ActivityOutcome.Done => Finished("interest"),
                ActivityOutcome.NotOpen => await RefuseAsync(nameof(InterestProfileId), T["This partner search is no longer open."], StatusCodes.Status409Conflict, cancellationToken),
                ActivityOutcome.OwnPosting => await RefuseAsync(nameof(InterestProfileId), T["This partner search is your own cluster organisation's."], StatusCodes.Status409Conflict, cancellationToken),
                ActivityOutcome.AlreadyInterested => await RefuseAsync(nameof(InterestProfileId), T["You have already expressed interest in this partner search."], StatusCodes.Status409Conflict, cancellationToken),
                ActivityOutcome.Invalid => await RefuseAsync(nameof(InterestMessage), T["The message is longer than {0} characters.", PostingInterest.MaxMessageLength], StatusCodes.Status400BadRequest, cancellationToken),
                _ => await RefuseAsync(nameof(InterestProfileId), T["Choose one of your published cluster organisations."], StatusCodes.Status400BadRequest, cancellationToken),
            };
        }, cancellationToken);

    public Task<IActionResult> OnPostWithdrawInterestAsync(int postingId, CancellationToken cancellationToken) =>
        MemberActionAsync(postingId, async userId =>
        {
            await activity.WithdrawInterestAsync(postingId, userId, cancellationToken);
            return Finished("withdrawn");
        }, cancellationToken);

    public Task<IActionResult> OnPostCommentAsync(int postingId, CancellationToken cancellationToken) =>
        MemberActionAsync(postingId, async _ =>
        {
            var (outcome, commentId) = await activity.CommentAsync(Posting, User, CommentText, ReplyTo, cancellationToken);
            return outcome switch
            {
                ActivityOutcome.Done => Redirect($"/partner-search/{postingId}?done=commented#comment-{commentId}"),
                ActivityOutcome.NotOpen => await RefuseAsync(nameof(CommentText), T["This partner search is no longer open."], StatusCodes.Status409Conflict, cancellationToken),
                ActivityOutcome.NotFound => await RefuseAsync(nameof(CommentText), T["The comment you answer is not on this partner search."], StatusCodes.Status400BadRequest, cancellationToken),
                _ => await RefuseAsync(nameof(CommentText), T["Write a comment of at most {0} characters.", PostingComment.MaxTextLength], StatusCodes.Status400BadRequest, cancellationToken),
            };
        }, cancellationToken);

    private RedirectResult Finished(string what) => Redirect($"/partner-search/{Posting.Id}?done={what}");

    /// <summary>Signed-in members only (others are sent to sign in), on a posting they may see.</summary>
    private async Task<IActionResult> MemberActionAsync(int postingId, Func<string, Task<IActionResult>> action, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId)
        {
            return Challenge();
        }
        return await LoadAsync(postingId, cancellationToken) ?? await action(userId);
    }

    private async Task<IActionResult> RefuseAsync(string field, string message, int status, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(field, message);
        await LoadAsync(Posting.Id, cancellationToken);
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Loads the posting and what the page shows; null when it may be shown, else the answer (404).</summary>
    private async Task<IActionResult?> LoadAsync(int postingId, CancellationToken cancellationToken)
    {
        var posting = await db.Set<PartnerSearchPosting>().AsNoTracking()
            .Include(p => p.Profile)
            .Include(p => p.Terms).ThenInclude(t => t.Term)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == postingId, cancellationToken);
        if (posting is null)
        {
            return NotFound();
        }
        MayEdit = SignedIn && await authorization.MayEditAsync(User, posting.Profile);
        if (posting.Profile.Status != ProfileStatus.Published && !MayEdit)
        {
            return NotFound();
        }
        Posting = posting;
        Now = clock.GetUtcNow();
        Comments = await activity.CommentsAsync(postingId, cancellationToken);
        if (User.UserId() is { } userId)
        {
            IsFollowing = await activity.IsFollowingAsync(postingId, userId, cancellationToken);
            MyInterest = await activity.InterestOfAsync(postingId, userId, cancellationToken);
            AdministersPostingProfile = await activity.AdministersAsync(userId, posting.ProfileId, cancellationToken);
            MyProfiles = await activity.ProfilesToSpeakForAsync(userId, posting.ProfileId, cancellationToken);
        }
        if (MayEdit)
        {
            FollowerCount = await activity.FollowerCountAsync(postingId, cancellationToken);
            Interests = await activity.InterestsAsync(postingId, cancellationToken);
        }
        return null;
    }
}
