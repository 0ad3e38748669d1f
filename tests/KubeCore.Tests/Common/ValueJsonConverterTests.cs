using System.Text.Json;
using KubeCore.Common;
using KubeCore.Rules;
using KubeCore.Savings;
using Shouldly;

namespace KubeCore.Tests.Common;

[Trait("Category", "State")]
public sealed class ValueJsonConverterTests
{
    private sealed record Sample(GroupId Group, PersonId Person, HouseholdId Household, PendampingId Pendamping, MeetingId Meeting,
        LoanId Loan, EntryId Entry, ExerciseId Exercise, Rupiah Amount, Rate Rate, RegionCode Region, RuleId Rule, EntryHash Hash,
        IReadOnlyDictionary<PersonId, Rupiah> ByPerson);

    [Fact]
    public void Every_value_type_round_trips_through_System_Text_Json_with_no_options()
    {
        var person = PersonId.New();
        var sample = new Sample(GroupId.New(), person, HouseholdId.New(), PendampingId.New(), MeetingId.New(), LoanId.New(), EntryId.New(),
            ExerciseId.New(), Rupiah.Of(long.MaxValue), Rate.FromBasisPoints(150), RegionCode.Parse("62.71.01.1001"), RuleId.Parse("GRP-01"),
            EntryHash.Parse(new string('a', 64)), new Dictionary<PersonId, Rupiah> { [person] = Rupiah.Of(-5) });

        var json = JsonSerializer.Serialize(sample);
        var back = JsonSerializer.Deserialize<Sample>(json)!;

        back.ShouldBe(sample with { ByPerson = back.ByPerson });
        back.ByPerson.ShouldBe(sample.ByPerson);
        json.ShouldContain($"\"Group\":\"{sample.Group}\"");
        json.ShouldContain("\"Amount\":9223372036854775807");
        json.ShouldContain("\"Rate\":150");
        json.ShouldContain("\"Region\":\"62.71.01.1001\"");
        json.ShouldContain("\"Rule\":\"GRP-01\"");
    }

    [Theory]
    [InlineData("\"00000000-0000-0000-0000-000000000000\"")]
    [InlineData("\"not-a-guid\"")]
    [InlineData("42")]
    public void An_id_that_is_not_a_non_empty_Guid_string_is_refused(string json) =>
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<GroupId>(json));

    [Theory]
    [InlineData("1.5")]
    [InlineData("\"100\"")]
    [InlineData("9223372036854775808")]
    public void An_amount_that_is_not_a_whole_rupiah_integer_is_refused(string json) =>
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Rupiah>(json));

    [Theory]
    [InlineData("\"62.7\"")]
    [InlineData("\"GRP-1\"")]
    public void A_malformed_region_or_rule_id_is_refused(string json)
    {
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<RegionCode>(json));
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<RuleId>(json));
    }
}
