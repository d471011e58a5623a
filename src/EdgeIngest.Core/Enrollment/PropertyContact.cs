namespace EdgeIngest.Enrollment;

/// <summary>Whom the agency calls about the property: a name and at least one of phone or e-mail.</summary>
public sealed record PropertyContact(string Name, string? Phone, string? Email);
