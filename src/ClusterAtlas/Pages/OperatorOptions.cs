namespace ClusterAtlas.Pages;

/// <summary>
/// Settings under "ClusterAtlas:Operator": who runs this installation, as the privacy policy, the terms and the
/// imprint name them. Nothing is assumed: unset, those pages say that the operator has not filled this in.
/// </summary>
public sealed class OperatorOptions
{
    public const string Section = "ClusterAtlas:Operator";

    /// <summary>The organisation (or person) responsible for the installation.</summary>
    public string? Name { get; set; }

    /// <summary>Postal address; lines may be separated by newlines or by "; ".</summary>
    public string? Address { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>A name and a way to reach them: the least a privacy policy and an imprint must give.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Name) && !string.IsNullOrWhiteSpace(Email);

    public IReadOnlyList<string> AddressLines =>
        string.IsNullOrWhiteSpace(Address)
            ? []
            : Address.Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
