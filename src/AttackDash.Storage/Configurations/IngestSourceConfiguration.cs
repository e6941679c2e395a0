using AttackDash.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AttackDash.Storage.Configurations;

internal sealed class IngestSourceConfiguration : IEntityTypeConfiguration<IngestSource>
{
    public void Configure(EntityTypeBuilder<IngestSource> b)
    {
        b.ToTable("ingest_sources");
        b.HasKey(s => s.Id);
        b.HasIndex(s => s.Fingerprint).IsUnique();
    }
}
