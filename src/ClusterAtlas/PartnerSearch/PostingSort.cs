using ClusterAtlas.ClusterDirectory;
using Microsoft.Extensions.Primitives;

namespace ClusterAtlas.PartnerSearch;

public enum PostingSort { Relevance, Newest, Deadline }
