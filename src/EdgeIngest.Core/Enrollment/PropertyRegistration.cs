namespace EdgeIngest.Enrollment;

/// <summary>
/// The property's entry in the agency's registry (schema <c>edgeingest.registration/1</c>): the
/// business, where it is, whom to call, and its cameras. The device publishes it retained on
/// <c>{prefix}/{device}/registration</c> at every connect, the way "Protected Places" programmes let
/// businesses register their cameras with their agency.
/// </summary>
public sealed record PropertyRegistration(
    string DeviceId,
    string BusinessName,
    string Address,
    PropertyContact Contact,
    IReadOnlyList<RegisteredCamera> Cameras)
{
    public const string SchemaV1 = "edgeingest.registration/1";
}
