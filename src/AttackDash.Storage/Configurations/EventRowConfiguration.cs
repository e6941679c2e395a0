using AttackDash.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AttackDash.Storage.Configurations;

internal sealed class EventRowConfiguration : IEntityTypeConfiguration<EventRow>
{
    public void Configure(EntityTypeBuilder<EventRow> b)
    {
        // The migration creates this table PARTITION BY RANGE (time); the key includes the partition key.
        b.ToTable("events");
        b.HasKey(e => new { e.SourceId, e.LineNumber, e.Time });
        b.Property(e => e.ClientIp).HasColumnType("inet");
        b.HasIndex(e => new { e.ClientIp, e.Time });
        b.HasIndex(e => e.Time);
    }
}
