namespace ClusterAtlas.Newsletter;

/// <summary>What the choices' fields (_Choices.cshtml) show: the options and what is chosen.</summary>
public sealed record NewsletterChoicesView(
    IReadOnlyList<NewsletterChoices.Choice> Sectors, IReadOnlyList<NewsletterChoices.Choice> Countries,
    string Language, IReadOnlyCollection<string> ChosenSectors, IReadOnlyCollection<string> ChosenCountries);
