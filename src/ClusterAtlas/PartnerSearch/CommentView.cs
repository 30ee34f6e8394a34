namespace ClusterAtlas.PartnerSearch;

/// <summary>One comment as the posting page shows it, with what the reader may do with it.</summary>
public sealed record CommentView(PostingComment Comment, string AuthorName, bool MayEdit, bool MayRemove, int PostingId);
