namespace ClusterAtlas.News;

/// <summary>The picture of a news item, checked like a logo (decision 0009) and kept apart so lists never load its bytes.</summary>
public class NewsImage : Data.INotContent
{
    public int NewsItemId { get; set; }
    public required string Sha256 { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
}
