namespace EdgeIngest.Footage;

/// <summary>Every part of an approved request's footage, in the order they are sent.</summary>
internal sealed record FootageDeliveryPlan(IReadOnlyList<FootagePartPlan> Parts);
