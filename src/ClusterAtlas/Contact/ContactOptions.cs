namespace ClusterAtlas.Contact;

/// <summary>
/// Settings under "ClusterAtlas:Contact": how many contact requests one member may start, and how many answers they
/// may write in conversations, per hour and per day.
/// </summary>
public sealed class ContactOptions
{
    public const string Section = "ClusterAtlas:Contact";

    public int RequestsPerHour { get; set; } = 5;
    public int RequestsPerDay { get; set; } = 20;
    public int AnswersPerHour { get; set; } = 30;
    public int AnswersPerDay { get; set; } = 100;
}
