using EdgeIngest.Reads.Regions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace EdgeIngest.Configuration;

/// <summary>
/// <c>recognition.region</c>: one region code (<c>region: us</c>), a YAML list
/// (<c>region: [br, uk]</c>) or a comma-separated one (<c>region: br,uk</c>); codes are trimmed
/// and folded to lower case (<see cref="PlateRegions.ParseList"/>).
/// </summary>
public sealed class RegionList : IYamlConvertible
{
    public RegionList()
        : this([PlateRegions.Default])
    {
    }

    public RegionList(IEnumerable<string> names)
    {
        Names = PlateRegions.Normalize(names);
    }

    /// <summary>The region codes, in the order written.</summary>
    public IReadOnlyList<string> Names { get; private set; }

    /// <summary>As the file would say it: <c>us</c>, or <c>br, uk</c>.</summary>
    public override string ToString() => string.Join(", ", Names);

    void IYamlConvertible.Read(IParser parser, Type expectedType, ObjectDeserializer nestedObjectDeserializer)
    {
        Names = parser.TryConsume<Scalar>(out var scalar)
            ? PlateRegions.ParseList(scalar.Value)
            : PlateRegions.Normalize((List<string>?)nestedObjectDeserializer(typeof(List<string>)) ?? []);
    }

    void IYamlConvertible.Write(IEmitter emitter, ObjectSerializer nestedObjectSerializer) => nestedObjectSerializer(Names.ToList());
}
