"""Evaluation harness for wake-word detectors: FRR, false accepts per hour with a refractory period,
DET curves, JSON + PNG reports. Any detector runs through the command interchange in detector.py."""
from .detector import CommandDetector, DetectorError, stream_from_result
from .metrics import (DEFAULT_REFRACTORY_S, DetPoint, Stream, det_curve, false_accepts_per_hour,
                      false_reject_rate, operating_point, refractory_events)

__all__ = ["CommandDetector", "DEFAULT_REFRACTORY_S", "DetPoint", "DetectorError", "Stream", "det_curve",
           "false_accepts_per_hour", "false_reject_rate", "operating_point", "refractory_events",
           "stream_from_result"]
