namespace ClusterAtlas.Profiles.Schema;

/// <summary>What a profile field holds: it decides how the field is copied, compared, checked, imported and searched.</summary>
public enum FieldKind
{
    /// <summary>One line of text (a textarea when the schema says the page's value is a block).</summary>
    Text,
    /// <summary>Free text in Markdown, rendered without raw HTML.</summary>
    Markdown,
    /// <summary>A web address, stored only as the link policy allows.</summary>
    Url,
    Email,
    Phone,
    Date,
    /// <summary>Yes, no, or not answered.</summary>
    YesNo,
    /// <summary>A whole number of members, from 0 to <see cref="ProfileSchema.MaxMembers"/>.</summary>
    Count,
    /// <summary>A decimal number within the field's range.</summary>
    Number,
    /// <summary>A latitude or longitude within the field's range.</summary>
    Coordinate,
    /// <summary>One value of an enumeration (the label, a contact visibility, a programme level).</summary>
    Choice,
    /// <summary>An ISO 639-1 language code.</summary>
    Language,
    /// <summary>An ISO 3166-1 alpha-2 country code.</summary>
    Country,
    /// <summary>Free entries, one per line (the form's textarea), a list of strings on the profile.</summary>
    Lines,
    /// <summary>Languages by name (in English, in their own language or in any of the platform's) or code (the form), ISO codes on the profile.</summary>
    Languages,
    /// <summary>Countries by name, one per line (the form), ISO codes on the profile.</summary>
    Countries,
    /// <summary>A set of vocabulary terms (the field's vocabulary), stored in the profile's terms.</summary>
    Terms,
    /// <summary>The hash of an uploaded logo: edited on its own page, never imported.</summary>
    Logo,
    /// <summary>A repeated group of rows, each with its own fields.</summary>
    Group,
}
