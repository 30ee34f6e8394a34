using System.Net.Mail;

namespace ClusterAtlas.Profiles.Editing;

/// <summary>
/// One thing wrong with the form: the field it belongs to (as the form names it, e.g.
/// "ManagementTeam[1].Email"), and the message in the reader's language.
/// </summary>
public sealed record FormError(string Field, string Message);
